/**
 * How a ledger file is imported: checked row by row as it streams, then written in one transaction by JDBC batches or
 * PostgreSQL's COPY; the import jobs the web page follows.
 */
package cn.vanguard.ledger.internal;
