package cn.vanguard.cycle.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.vanguard.cycle.ObjectionFile;
import cn.vanguard.ledger.Upload;

/** The objection_file table: evidence of objections, added and never changed. */
@Repository
public class ObjectionFiles {

    private final JdbcClient jdbc;

    ObjectionFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a file already checked ({@link Upload#check}). */
    public void insert(long objectionId, Upload file, long accountId, Instant at) {
        jdbc.sql("""
                insert into objection_file (objection_id, filename, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                values (:o, :f, :t, :s, :h, :d, :by, :at)""")
                .param("o", objectionId).param("f", file.safeName()).param("t", file.kind()).param("s", (long) file.data().length)
                .param("h", file.sha256()).param("d", file.data()).param("by", accountId)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    }

    /** The files of these objections, in the order they came. */
    public List<ObjectionFile> of(List<Long> objectionIds) {
        if (objectionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, objection_id, filename, content_type, size_bytes, uploaded_at from objection_file
                where objection_id in (:o) order by id""")
                .param("o", objectionIds)
                .query((rs, n) -> new ObjectionFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant())).list();
    }

    public int count(long objectionId) {
        return jdbc.sql("select count(*) from objection_file where objection_id = :o").param("o", objectionId).query(Integer.class).single();
    }

    /** A file's objection and bytes. */
    public record Stored(long objectionId, ObjectionFile.Content content) {
    }

    public Optional<Stored> content(long id) {
        return jdbc.sql("select objection_id, filename, content_type, content from objection_file where id = :id").param("id", id)
                .query((rs, n) -> new Stored(rs.getLong(1), new ObjectionFile.Content(rs.getString(2), rs.getString(3), rs.getBytes(4))))
                .optional();
    }
}
