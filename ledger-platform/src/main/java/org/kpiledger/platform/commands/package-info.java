/**
 * Sending commands from the HTTP edge: each with the authenticated actor's metadata (never from the request), and
 * the positions a write's events were stored at.
 */
package org.kpiledger.platform.commands;
