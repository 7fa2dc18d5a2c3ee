package cn.vanguard.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;

import cn.vanguard.org.Unit;
import cn.vanguard.org.Units;
import cn.vanguard.rules.PublishedScheme;
import cn.vanguard.scheme.Assessment;
import cn.vanguard.scheme.Entry;
import cn.vanguard.scheme.Member;
import cn.vanguard.scheme.MemberInput;
import cn.vanguard.security.Guard;
import cn.vanguard.security.Permission;
import cn.vanguard.sheet.CsvText;

/**
 * The approved ledger of a scheme's population in the command line's files (formats.md): members.csv, entries.csv,
 * assessments.csv and the scheme file, zipped. Scored offline with {@code vanguard score} they give exactly the live
 * scores; a what-if under a draft scheme starts from them.
 */
@Service
public class LedgerExport {

    private final Scores scores;
    private final Units units;
    private final Guard guard;

    public LedgerExport(Scores scores, Units units, Guard guard) {
        this.scores = scores;
        this.units = units;
        this.guard = guard;
    }

    /**
     * The members of {@code unitId}'s subtree that the scheme applies to. Exported from the scheme's own unit, the files
     * score to exactly the live results; from a unit below it, ranks and quotas are those among the exported members.
     */
    public void zip(PublishedScheme scheme, int year, long unitId, OutputStream out) throws IOException {
        guard.require(Permission.VIEW_LEDGER, unitId);
        Scores.PopulationInputs all = scores.inputs(scheme, year);
        Unit unit = units.get(unitId);
        List<MemberInput> inputs = new ArrayList<>();
        for (int i = 0; i < all.people().size(); i++) {
            if (units.get(all.people().get(i).unitId()).within(unit)) {
                inputs.add(all.inputs().get(i));
            }
        }
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            write(zip, "members.csv", w -> members(inputs, w));
            write(zip, "entries.csv", w -> entries(inputs, w));
            write(zip, "assessments.csv", w -> assessments(inputs, w));
            write(zip, scheme.schemeId() + ".yaml", w -> w.write(scheme.yaml()));
        }
    }

    private interface Content {
        void write(Writer writer) throws IOException;
    }

    private static void write(ZipOutputStream zip, String name, Content content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        content.write(writer);
        writer.flush();
        zip.closeEntry();
    }

    static void members(List<MemberInput> inputs, Writer w) throws IOException {
        w.write("member_id,name,org_unit,member_type,category,exempt\n");
        for (MemberInput input : inputs) {
            Member m = input.member();
            w.write(csv(m.id()) + "," + csv(m.name()) + "," + csv(m.unit()) + "," + m.type() + "," + m.category() + ","
                    + (m.exempt() == null ? "" : m.exempt()) + "\n");
        }
    }

    static void entries(List<MemberInput> inputs, Writer w) throws IOException {
        w.write("member_id,item,date,quantity,points,occurrence,note\n");
        for (MemberInput input : inputs) {
            for (Entry e : input.entries()) {
                w.write(csv(input.member().id()) + "," + csv(e.item().code()) + "," + e.date() + "," + e.quantity().toPlainString() + ","
                        + (e.points() == null ? "" : e.points().toPlainString()) + "," + csv(e.occurrence()) + ",#" + e.ref() + "\n");
            }
        }
    }

    static void assessments(List<MemberInput> inputs, Writer w) throws IOException {
        w.write("member_id,item,value\n");
        for (MemberInput input : inputs) {
            for (Assessment a : input.assessments()) {
                w.write(csv(input.member().id()) + "," + csv(a.item().code()) + ","
                        + csv(a.level() != null ? a.level().label() : a.value().toPlainString()) + "\n");
            }
        }
    }

    /** Every text cell goes through the one CSV writer of the product, which keeps formulas from running. */
    private static String csv(String text) {
        return CsvText.cell(text);
    }
}
