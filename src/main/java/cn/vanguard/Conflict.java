package cn.vanguard;

/**
 * The record changed under the request — another reviewer was faster, someone else saved the member first, an
 * idempotency key was reused — so nothing was changed: 409 in the API; the pages say what happened and keep the input.
 */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
