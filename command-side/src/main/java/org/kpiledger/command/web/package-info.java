/**
 * The command side's HTTP plumbing: dispatching commands with the authenticated actor, entity tags.
 */
package org.kpiledger.command.web;
