package cn.vanguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import cn.vanguard.scheme.GradeBand;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.Scheme;
import cn.vanguard.scheme.Section;
import cn.vanguard.scheme.file.Presets;

/** The Chinese reading of schemes, as worked examples from the presets. */
class SchemeReadingTest {

    private static SchemeReading.View read(String preset) {
        return SchemeReading.of(Presets.get(preset).orElseThrow());
    }

    private static SchemeReading.ItemView item(SchemeReading.View view, String code) {
        List<SchemeReading.ItemView> all = new ArrayList<>();
        view.sections().forEach(s -> all.addAll(s.items()));
        if (view.bonus() != null) {
            all.addAll(view.bonus().items());
        }
        all.addAll(view.deductions());
        all.addAll(view.vetoes());
        all.addAll(view.forfeits());
        all.addAll(view.counters());
        return all.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            city-organs-100   | BON_SUGGESTION      | 每条记2分
            city-organs-100   | DED_ABSENT_LEAVE    | 每次扣2分
            city-organs-100   | B_POLITICAL         | 满分20分
            city-organs-100   | VETO_POLITICAL      | 年度积分为0；直接评定为“不合格”
            city-organs-100   | ORGLIFE_ATTEND      | 只计次数，不计分
            rules-15          | R_PROPAGANDA        | 每小时记0.5分
            branch-monthly    | M_VOLUNTEER         | 每次酌情记1～3分
            city-direct-organs| DED_OTHER           | 每次酌情扣1～4分
            fuxian-organs     | DED_ILLEGAL         | 每次酌情扣15～30分
            fuxian-organs     | VETO_CRITICAL_ERROR | 扣除“业务工作开展”全部积分
            fuxian-organs     | VETO_DISQUALIFY     | 取消积分资格，不计总分、不参与排名
            """)
    void itemsSayWhatTheyGive(String preset, String code, String points) {
        SchemeReading.ItemView item = item(read(preset), code);
        assertThat(item.points()).isEqualTo(points.strip());
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            city-organs-100   | DED_ABSENT_LEAVE    | 考评期内前2次不扣分
            city-organs-100   | DED_ABSENT_LEAVE    | 从“基础项目”中扣除，扣光为止
            city-organs-100   | BON_SUGGESTION      | 需提供证明材料或至少2名党员群众证明
            district-80-20    | CON_PUB_CITY        | 每年不超过3分
            changzhou-2021    | CZ_DUES_LATE        | 每季度最多扣2.5分
            rules-15          | R_GOOD_DEED         | 每半年不超过2分
            city-direct-organs| DED_OTHER           | 从总分中扣除
            """)
    void itemsSayWhatLimitsThem(String preset, String code, String rule) {
        assertThat(item(read(preset), code).rules()).contains(rule.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            90 incl., 60 incl., none     | 90分以上; 60分以上、低于90分; 低于60分
            108 incl., 70 excl., none    | 108分以上; 高于70分、低于108分; 70分以下
            80 excl., none               | 高于80分; 80分以下
            none                         | 所有分数
            """)
    void bandsUseTheStatutoryWording(String bounds, String expected) {
        List<GradeBand> bands = new ArrayList<>();
        int grade = 0;
        for (String bound : bounds.split(",")) {
            String b = bound.strip();
            grade++;
            bands.add(b.equals("none") ? new GradeBand("G" + grade, null, false)
                    : new GradeBand("G" + grade, new BigDecimal(b.split(" ")[0]), b.endsWith("excl.")));
        }
        cn.vanguard.scheme.Grading grading = new cn.vanguard.scheme.Grading(bands, null, null, null);
        List<String> texts = bands.stream().map(grading::wording).toList();
        assertThat(String.join("; ", texts)).isEqualTo(expected.strip());
    }

    @Test
    void everyPresetReadsWithEachInterpretationKept() {
        for (String id : Presets.IDS) {
            Scheme scheme = Presets.get(id).orElseThrow();
            long elements = scheme.sections().stream().map(Section::interpretation).filter(t -> t != null && !t.isBlank()).count()
                    + scheme.items().stream().map(Item::interpretation).filter(t -> t != null && !t.isBlank()).count();
            SchemeReading.View view = SchemeReading.of(scheme);
            assertThat(view.interpretationCount()).as(id).isEqualTo(scheme.interpretations().size() + elements).isPositive();
            assertThat(view.sections()).as(id).hasSize(scheme.sections().size());
        }
    }

    @Test
    void sectionsExplainTheirMode() {
        SchemeReading.View district = read("district-80-20");
        SchemeReading.SectionView appraisal = district.sections().stream().filter(s -> s.code().equals("APPRAISAL")).findFirst().orElseThrow();
        assertThat(appraisal.mode()).isEqualTo("民主评议");
        assertThat(appraisal.rules()).contains("测评票：“好”权重1、“一般”权重0.8、“差”权重0.6")
                .anySatisfy(r -> assertThat(r).contains("按20%计入本板块"));
        SchemeReading.SectionView study = read("changzhou-2021").sections().stream().filter(s -> s.mode().equals("按完成比例")).findFirst().orElseThrow();
        assertThat(study.rules()).anySatisfy(r -> assertThat(r).contains("目标为每月15分 × 考评期的月数"));
        SchemeReading.SectionView base = read("city-organs-100").sections().get(0);
        assertThat(base.mode()).isEqualTo("逐项评定");
        assertThat(base.rules()).contains("扣分项目中的17项从本板块扣除，扣光为止");
    }

    @Test
    void theSchemeAsAWholeIsDescribed() {
        SchemeReading.View view = read("changzhou-2021");
        assertThat(view.facts()).extracting(SchemeReading.Fact::text)
                .contains("支部书记签字确认后公示5个工作日");
        assertThat(read("city-organs-100").facts()).extracting(SchemeReading.Fact::text)
                .contains("上级审核通过后公示7天", "正式党员、预备党员纳入积分管理", "总分最低为0分");
        assertThat(read("city-direct-organs").facts()).extracting(SchemeReading.Fact::text)
                .contains("离退休党员、流动党员（个人另有规定的除外）");
        assertThat(view.warnings()).anySatisfy(w -> assertThat(w.condition()).isEqualTo("连续两个周期总分低于60分"));
    }

    @Test
    void theFailingGradeIsForcedOnlyWhereAVetoDecidesTheGrade() {
        assertThat(read("city-organs-100").grading().rules()).contains("受一票否决、直接评定的，等次为“不合格”，不享受任何激励");
        assertThat(read("city-direct-organs").grading().rules()).noneMatch(r -> r.contains("一票否决"));
        assertThat(read("city-direct-organs").grading().bands()).extracting(SchemeReading.BandView::range)
                .containsExactly("90分以上", "60分以上、低于90分", "低于60分");
    }

    @Test
    void starsAndFlagsAreSpelledOut() {
        SchemeReading.View stars = read("star-rating");
        assertThat(stars.stars().rules()).contains("全体参评党员一起评星")
                .anySatisfy(r -> assertThat(r).startsWith("评星资格：总分不低于70分，且“").contains("”不低于50分"))
                .anySatisfy(r -> assertThat(r).startsWith("名额：五星级10%、四星级15%、三星级20%"));
        assertThat(read("branch-hourly").flags()).singleElement()
                .satisfies(f -> {
                    assertThat(f.condition()).isEqualTo("当月排名前5名（总分须高于0分）");
                    assertThat(f.notes()).contains("按每月的积分分别评定");
                });
        assertThat(read("city-organs-100").flags()).singleElement()
                .satisfies(f -> assertThat(f.notes()).contains("只按全年积分评定，不按季度等考评期评定"));
    }
}
