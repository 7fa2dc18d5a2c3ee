package cn.vanguard.ledger;

/** A file of evidence: a photo or a PDF. */
public record Upload(String filename, String contentType, byte[] data) {
}
