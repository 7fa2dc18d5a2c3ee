package cn.vanguard.ledger;

/** The record changed under the request (another reviewer was faster, an idempotency key was reused): 409. */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
