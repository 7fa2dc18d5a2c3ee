package cn.vanguard.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.vanguard.audit.internal.Json;

/**
 * Records every change. The actor is passed explicitly (services know who acts); the remote address and the channel
 * are taken from the current request when there is one. Before and after are flat maps of the fields that matter,
 * stored as JSON.
 */
@Service
public class AuditLog {

    /** The request attribute holding the name of the API token a request came with (set by the security module). */
    public static final String API_TOKEN_ATTRIBUTE = AuditLog.class.getName() + ".apiToken";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditSearch search;

    public AuditLog(JdbcClient jdbc, Clock clock, AuditSearch search) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.search = search;
    }

    /**
     * Who acts: an account (id and username), or the system itself (null id, username "system"); and how, when the
     * caller knows better than the request (an import); null: taken from the request.
     */
    public record Actor(Long accountId, String username, Channel channel) {
        public static final Actor SYSTEM = new Actor(null, "system", Channel.SYSTEM);

        public Actor(Long accountId, String username) {
            this(accountId, username, null);
        }

        /** The same person acting through {@code channel}. */
        public Actor through(Channel channel) {
            return new Actor(accountId, username, channel);
        }
    }

    public void record(Actor actor, String action, String objectType, Object objectId, Long unitId, String summary,
                       Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql("""
                insert into audit_log (happened_at, account_id, username, remote_addr, channel, channel_name, action, object_type,
                                       object_id, unit_id, summary, before_json, after_json)
                values (:at, :account, :username, :addr, :channel, :channelName, :action, :type, :objectId, :unit, :summary,
                        :before, :after)""")
                .param("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                .param("account", actor.accountId())
                .param("username", actor.username())
                .param("addr", Addresses.readable(request() == null ? null : request().getRemoteAddr()))
                .param("channel", channel(actor) == null ? null : channel(actor).name())
                .param("channelName", channel(actor) == Channel.API ? apiToken() : null)
                .param("action", action)
                .param("type", objectType)
                .param("objectId", objectId == null ? null : objectId.toString())
                .param("unit", unitId)
                .param("summary", summary == null ? null : summary.length() > 300 ? summary.substring(0, 300) : summary)
                .param("before", before == null ? null : Json.object(before))
                .param("after", after == null ? null : Json.object(after))
                .update();
    }

    /**
     * The actor's own channel; else API for a request with a token, a page for any other request; outside a request
     * the system when nobody acts, and unknown (null) when somebody does.
     */
    private static Channel channel(Actor actor) {
        if (actor.channel() != null) {
            return actor.channel();
        }
        if (request() == null) {
            return actor.accountId() == null ? Channel.SYSTEM : null;
        }
        return apiToken() != null ? Channel.API : Channel.PAGE;
    }

    private static String apiToken() {
        var request = request();
        Object name = request == null ? null : request.getAttribute(API_TOKEN_ATTRIBUTE);
        return name == null ? null : name.toString().length() > 60 ? name.toString().substring(0, 60) : name.toString();
    }

    private static jakarta.servlet.http.HttpServletRequest request() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    /** One line of the log, as the audit page shows it ({@code channel} null: written before channels were kept). */
    public record Line(long id, Instant at, Long accountId, String username, String remoteAddr, Channel channel,
                       String channelName, String action, String objectType, String objectId, Long unitId, String summary,
                       String before, String after) {

        /** The fields of {@code before}, in their recorded order (empty when nothing was recorded). */
        public Map<String, String> beforeFields() {
            return Json.fields(before);
        }

        /** The fields of {@code after}, in their recorded order (empty when nothing was recorded). */
        public Map<String, String> afterFields() {
            return Json.fields(after);
        }
    }

    /**
     * The newest lines first, optionally limited to units (their ids; null: all) and filtered by text.
     *
     * @param units the units the reader may see, or null for every unit (and the lines without one)
     */
    public List<Line> recent(List<Long> units, String text, Instant from, Instant to, int limit) {
        return search.page(AuditSearch.Filter.of(units).text(text).between(from, to), 0, limit).lines();
    }
}
