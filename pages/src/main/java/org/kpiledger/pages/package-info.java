/**
 * The dashboard's frame: layout, style, the Japanese and English texts, who is looking.
 */
package org.kpiledger.pages;
