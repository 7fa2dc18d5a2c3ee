package cn.vanguard.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import cn.vanguard.security.MemberAccounts.Slip;

/**
 * Activation slips (账号激活单) as an A4 PDF: eight slips a page in two columns, each framed by a dashed cut line, with
 * the member's name, unit path, username, activation code, its expiry and a QR code of the activation address. Drawn
 * by openhtmltopdf from XHTML, with the bundled Droid Sans Fallback font for Chinese (the PDF embeds the glyphs used).
 */
@Component
class SlipSheet {

    static final int PER_PAGE = 8;
    private static final String FONT = "/fonts/DroidSansFallbackFull.ttf";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ZoneId zone;
    private volatile byte[] font;

    SlipSheet(java.time.Clock clock) {
        this.zone = clock.getZone();
    }

    /** The PDF of the slips; {@code activationUrl} is the address of the activation page, to which the username is added. */
    byte[] render(List<Slip> slips, String activationUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new java.io.ByteArrayInputStream(font()), "Droid Sans Fallback");
        builder.withHtmlContent(html(slips, activationUrl), null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    String html(List<Slip> slips, String activationUrl) {
        StringBuilder html = new StringBuilder("""
                <html><head><meta charset="utf-8"/><style>
                @page { size: A4; margin: 8mm; }
                body { font-family: sans-serif, 'Droid Sans Fallback'; font-size: 10pt; margin: 0; }
                table.page { width: 100%; border-collapse: collapse; table-layout: fixed; page-break-after: always; }
                table.page.last { page-break-after: auto; }
                td.slip { width: 50%; height: 68mm; border: 0.4mm dashed #777; padding: 4mm; vertical-align: top; }
                .title { font-size: 11pt; font-weight: bold; margin-bottom: 2mm; }
                .name { font-size: 15pt; margin-bottom: 1mm; }
                .unit { color: #333; font-size: 8.5pt; margin-bottom: 3mm; }
                .label { color: #555; font-size: 8pt; }
                .value { font-size: 12pt; margin-bottom: 2mm; }
                .code { font-family: monospace, 'Droid Sans Fallback'; font-size: 15pt; font-weight: bold; margin-bottom: 2mm; }
                .qr { float: right; width: 30mm; height: 30mm; margin-left: 2mm; }
                .how { font-size: 7.5pt; color: #333; clear: both; }
                </style></head><body>""");
        for (int start = 0; start < slips.size(); start += PER_PAGE) {
            List<Slip> page = slips.subList(start, Math.min(slips.size(), start + PER_PAGE));
            html.append("<table class=\"page").append(start + PER_PAGE >= slips.size() ? " last" : "").append("\">");
            for (int i = 0; i < PER_PAGE; i += 2) {
                html.append("<tr>");
                for (int j = i; j < i + 2; j++) {
                    html.append(j < page.size() ? slip(page.get(j), activationUrl) : "<td class=\"slip\"></td>");
                }
                html.append("</tr>");
            }
            html.append("</table>");
        }
        return html.append("</body></html>").toString();
    }

    private String slip(Slip slip, String activationUrl) {
        String url = activationUrl + "?username=" + java.net.URLEncoder.encode(slip.username(), java.nio.charset.StandardCharsets.UTF_8);
        return "<td class=\"slip\">"
                + "<img class=\"qr\" src=\"data:image/png;base64," + QrCodes.pngBase64(url) + "\"/>"
                + "<div class=\"title\">先锋积分 · 账号激活单</div>"
                + "<div class=\"name\">" + escape(slip.name()) + "</div>"
                + "<div class=\"unit\">" + escape(slip.unitPath()) + "</div>"
                + "<div class=\"label\">用户名</div><div class=\"value\">" + escape(slip.username()) + "</div>"
                + "<div class=\"label\">激活码（仅可使用一次，" + DAY.format(slip.expiresAt().atZoneSameInstant(zone)) + "前有效）</div>"
                + "<div class=\"code\">" + escape(slip.code()) + "</div>"
                + "<div class=\"how\">扫码或打开 " + escape(activationUrl) + "，输入用户名和激活码，设置自己的密码后登录。"
                + "请妥善保管，勿交给他人。</div></td>";
    }

    private byte[] font() {
        if (font == null) {
            try (InputStream in = SlipSheet.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled font " + FONT + " is missing");
                }
                font = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return font;
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
