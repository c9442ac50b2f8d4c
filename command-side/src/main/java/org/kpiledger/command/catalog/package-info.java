/**
 * The strategy catalog: the reviewed CSV of a plan and its KPIs, loaded at start and imported whole or not at all
 * ({@code POST /api/v1/catalogs}).
 */
package org.kpiledger.command.catalog;
