/**
 * The HTTP edge: strict JSON, text rules, body limits, security headers and RFC 9457 problems with their codes.
 */
package org.kpiledger.platform.web;
