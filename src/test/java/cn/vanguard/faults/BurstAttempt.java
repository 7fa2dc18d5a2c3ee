package cn.vanguard.faults;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/** One client's request to record an entry and its approval, and what the application answered to each. */
final class BurstAttempt {
    final String key;
    final String memberId;
    final String date;
    volatile boolean recordSent;
    volatile Long recordedId;
    volatile Integer approveStatus;

    BurstAttempt(String key, String memberId, String date) {
        this.key = key;
        this.memberId = memberId;
        this.date = date;
    }

    boolean approvalAnswered() {
        return Integer.valueOf(200).equals(approveStatus);
    }

    String body() {
        return "{\"memberId\":" + memberId + ",\"itemCode\":\"ACT_MEETING\",\"date\":\"" + date + "\",\"note\":\"" + key + "\"}";
    }

    /** False once the application stopped answering. */
    boolean recordAndApprove(Client api, Properties seed, AtomicInteger approvalsAnswered, List<String> surprises) {
        try {
            recordSent = true;
            HttpResponse<String> recorded = api.post("/api/v1/entries", seed.getProperty("scorerToken"), key, body());
            if (recorded.statusCode() != 201) {
                surprises.add(key + " recorded: " + recorded.statusCode() + " " + recorded.body());
                return true;
            }
            JsonNode entry = Client.json(recorded);
            recordedId = entry.get("id").asLong();
            HttpResponse<String> approved = api.post("/api/v1/entries/" + recordedId + "/approve", seed.getProperty("secretaryToken"),
                    null, "{\"version\":" + entry.get("version").asInt() + "}");
            approveStatus = approved.statusCode();
            if (approved.statusCode() != 200 || !"APPROVED".equals(Client.json(approved).get("status").asString())) {
                surprises.add(key + " approved: " + approved.statusCode() + " " + approved.body());
            }
            approvalsAnswered.incrementAndGet();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
