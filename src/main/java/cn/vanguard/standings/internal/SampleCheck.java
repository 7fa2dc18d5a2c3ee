package cn.vanguard.standings.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.vanguard.audit.AuditLog;
import cn.vanguard.rules.Schemes;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Every hour, on one node (ShedLock), compares a random sample of stored standings with what the engine gives now and
 * reports any difference in the log (WARN) and in the audit log (STANDINGS_DIFFER, which system administrators read
 * on the audit page): a difference means a change reached the data without its event, or a bug; the remedy is
 * {@code rebuild-standings}. Nothing is repaired here, so that a difference stays visible until someone looks.
 */
@Component
class SampleCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SampleCheck.class);

    private final StandingStore store;
    private final Refresher refresher;
    private final Schemes schemes;
    private final AuditLog audit;
    private final int sampleSize;
    private final Random random = new Random();

    SampleCheck(StandingStore store, Refresher refresher, Schemes schemes, AuditLog audit,
                @Value("${vanguard.standings.sample-size:200}") int sampleSize) {
        this.store = store;
        this.refresher = refresher;
        this.schemes = schemes;
        this.audit = audit;
        this.sampleSize = sampleSize;
    }

    @Scheduled(fixedDelayString = "${vanguard.standings.sample-every:PT1H}", initialDelayString = "${vanguard.standings.sample-every:PT1H}")
    @SchedulerLock(name = "standings-sample-check", lockAtMostFor = "PT30M")
    void scheduled() {
        check(sampleSize);
    }

    /** Checks up to {@code size} members a cycle; returns the differences found (reported already). */
    List<String> check(int size) {
        List<String> differences = new ArrayList<>();
        int checked = 0;
        for (int year : schemes.years()) {
            List<Long> ids = new ArrayList<>(store.memberIds(year));
            Collections.shuffle(ids, random);
            List<Long> sample = ids.subList(0, Math.min(size, ids.size()));
            checked += sample.size();
            try {
                differences.addAll(refresher.differences(year, sample));
            } catch (RuntimeException e) {
                // stored figures the engine refuses (edited by hand, say) are a difference too, not a reason to stop checking
                differences.add(year + "年度的存储结果无法重新计算：" + e.getMessage());
            }
        }
        if (differences.isEmpty()) {
            LOG.info("standings sample check: {} members compared, no difference", checked);
            return differences;
        }
        LOG.warn("standings sample check: {} differences among {} members compared with a recompute: {}; run rebuild-standings", differences.size(), checked,
                differences);
        String summary = "积分结果抽查：" + checked + "名党员中发现" + differences.size() + "处存储结果与重新计算不一致，请运行 rebuild-standings 重建："
                + String.join("；", differences);
        audit.record(AuditLog.Actor.SYSTEM, "STANDINGS_DIFFER", "standing", null, null,
                summary.length() > 300 ? summary.substring(0, 299) + "…" : summary,
                null, Map.of("checked", checked, "differences", String.join("；", differences.subList(0, Math.min(50, differences.size())))));
        return differences;
    }
}
