/**
 * The ledger's implementation, hidden from other modules: how a ledger file is imported (checked row by row as it
 * streams, then written in one transaction by JDBC batches or PostgreSQL's COPY; the import jobs the web page follows),
 * what a new entry must pass before it is stored, how entries are read, idempotency keys, the open entries that follow a
 * transferred member, and the trusted seeds of setup code.
 */
package cn.vanguard.ledger.internal;
