package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import cn.vanguard.security.MemberAccounts.Slip;

/** The slips' PDF: eight a page, Chinese read back exactly, markup in a name printed as text. */
class SlipSheetTest {

    final SlipSheet sheet = new SlipSheet(Clock.system(ZoneId.of("Asia/Shanghai")));

    @Test
    void nineSlipsTakeTwoPagesAndEveryFieldReadsBackAsWritten() throws Exception {
        List<Slip> slips = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            slips.add(new Slip("党员" + i, "中共某委员会 / 第一党支部", "m0000" + i, "ABCD-EFGH-JKM" + i,
                    OffsetDateTime.parse("2026-12-30T19:00:00Z")));
        }
        slips.set(8, new Slip("<b>&\"'</b>王", "中共某委员会", "m00009", "WXYZ-2345-6789", OffsetDateTime.parse("2026-12-30T19:00:00Z")));

        byte[] pdf = sheet.render(slips, "https://jifen.example.cn/activate");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String first = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertThat(first).contains("党员1", "中共某委员会/第一党支部", "m00001", "ABCD-EFGH-JKM1", "2026年12月31日前有效",
                    "https://jifen.example.cn/activate", "<b>&\"'</b>王", "WXYZ-2345-6789");
        }
    }
}
