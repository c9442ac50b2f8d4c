/** The reporting cycle's write API: periods, figures in bulk (JSON, CSV, XLSX), submissions, reviews, publication. */
package org.kpiledger.command.period.web;
