/**
 * The write API of strategies: adopting a scoring policy, with its access rules.
 */
package org.kpiledger.command.strategy.web;
