package cn.vanguard.web;

import org.springframework.web.util.UriComponentsBuilder;

import cn.vanguard.org.MemberStatus;
import cn.vanguard.org.Members;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;

/** The filters of the member list (and of its export): unit with its subtree, text, type, category, status. */
record MemberFilter(Long unitId, String text, MemberType type, Category category, MemberStatus status) {

    Members.Query query() {
        return new Members.Query(unitId, text == null || text.isBlank() ? null : text.strip(), type, category, status);
    }

    /** The query string that repeats these filters, e.g. {@code ?unitId=3&type=FORMAL}, or "". */
    String queryString() {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        if (unitId != null) {
            uri.queryParam("unitId", unitId);
        }
        if (text != null && !text.isBlank()) {
            uri.queryParam("text", text.strip());
        }
        if (type != null) {
            uri.queryParam("type", type.name());
        }
        if (category != null) {
            uri.queryParam("category", category.name());
        }
        if (status != null) {
            uri.queryParam("status", status.name());
        }
        return uri.encode().build().toUriString();
    }
}
