package cn.vanguard.cycle;

import java.time.Instant;

/** An evidence file of an objection (a photo or a PDF), without its bytes. */
public record ObjectionFile(long id, long objectionId, String filename, String contentType, long size, Instant uploadedAt) {

    /** A file's bytes, for download. */
    public record Content(String filename, String contentType, byte[] data) {
    }
}
