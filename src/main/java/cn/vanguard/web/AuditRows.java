package cn.vanguard.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import cn.vanguard.audit.Addresses;
import cn.vanguard.audit.AuditLog;
import cn.vanguard.audit.Channel;
import cn.vanguard.org.MemberRecord;
import cn.vanguard.org.Members;
import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.security.Accounts;

/**
 * Audit lines as people read them: the person by name and account (names through the security module's API, never a
 * join from the log to the accounts), the address as IPv4 where it is one, the channel, the action, the object and the
 * changes in Chinese.
 */
@Component
class AuditRows {

    private final Accounts accounts;
    private final Units units;
    private final Members members;

    AuditRows(Accounts accounts, Units units, Members members) {
        this.accounts = accounts;
        this.units = units;
        this.members = members;
    }

    /** A line as the page and the export show it. */
    record Row(AuditLog.Line line, String person, String address, String channel, String action, String object,
               String unit, List<AuditText.Change> changes) {
    }

    /** Names a batch of lines, each name looked up once; {@code cache} carries the look-ups over batches of one export. */
    List<Row> of(List<AuditLog.Line> lines, Lookups cache) {
        cache.people.putAll(accounts.displayNames(lines.stream().map(AuditLog.Line::accountId).filter(Objects::nonNull)
                .filter(id -> !cache.people.containsKey(id)).distinct().toList()));
        return lines.stream().map(line -> new Row(line, person(line, cache.people), address(line.remoteAddr()),
                channel(line.channel(), line.channelName()), AuditText.action(line.action()),
                AuditActions.object(line.objectType()) + (line.objectId() == null ? "" : " #" + line.objectId()),
                line.unitId() == null ? null : cache.unitName.apply(line.unitId().toString()),
                AuditText.changes(line.beforeFields(), line.afterFields(), line.objectType(), cache.unitName, cache.memberName::apply)))
                .toList();
    }

    Lookups lookups() {
        return new Lookups(new java.util.HashMap<>(),
                AuditText.cached(id -> units.find(Long.parseLong(id)).map(Unit::name).orElse("#" + id)),
                AuditText.cached(id -> members.find(id).map((MemberRecord m) -> m.name() + "（" + m.code() + "）").orElse("#" + id)));
    }

    /** Names already looked up. */
    record Lookups(Map<Long, String> people, Function<String, String> unitName, Function<Long, String> memberName) {
    }

    /** 张三（zhangsan）; the system as 系统; a name nobody holds (a failed sign-in) as typed. */
    static String person(AuditLog.Line line, Map<Long, String> names) {
        if (line.accountId() == null) {
            boolean system = line.channel() == Channel.SYSTEM || line.channel() == null && "system".equals(line.username());
            return line.username() == null || system && "system".equals(line.username()) ? "系统" : line.username();
        }
        String name = names.get(line.accountId());
        return name == null || name.isBlank() || name.equals(line.username()) ? line.username() : name + "（" + line.username() + "）";
    }

    static String address(String address) {
        return address == null || address.isBlank() ? "—" : Addresses.readable(address);
    }

    /** 页面, API（令牌名）, 导入, 系统; a line from before channels were kept: 未记录. */
    static String channel(Channel channel, String name) {
        if (channel == null) {
            return "未记录";
        }
        if (channel == Channel.API && name != null && !name.isBlank()) {
            return "API（" + name + "）";
        }
        return channel.label();
    }
}
