package cn.vanguard;

/** A record that does not exist (or no longer does); shown as 404. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
