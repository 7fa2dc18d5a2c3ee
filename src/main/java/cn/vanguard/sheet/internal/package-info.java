/**
 * How the sheet module reads tables, hidden from other modules: CSV and XLSX tables read row by row within their
 * limits, parsing of cell texts, and the columnar ledger with its key index that lets a year's ledger be read fast.
 */
package cn.vanguard.sheet.internal;
