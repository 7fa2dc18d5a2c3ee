package cn.vanguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.vanguard.scheme.Evidence;
import cn.vanguard.scheme.Item;
import cn.vanguard.scheme.ItemKind;
import cn.vanguard.scheme.Pool;

/** What an item asks as proof (提供相关材料或由至少2名党员群众予以证明), one row per case. */
class EvidenceRuleTest {

    private static Item item(Evidence evidence) {
        return new Item("VOL", "志愿服务", ItemKind.PER_UNIT, Pool.BONUS, null, BigDecimal.ONE, null, null, null, null, null,
                null, null, null, null, null, evidence, null, null);
    }

    @ParameterizedTest(name = "{0}, {1} files, witnesses [{2}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            NONE                   | 0 | -                | -
            MATERIALS              | 0 | 张三、李四         | “志愿服务”需要上传证明材料（照片或PDF）
            MATERIALS              | 1 | -                | -
            MATERIALS_OR_WITNESSES | 0 | -                | “志愿服务”需要上传证明材料，或填写至少2名证明人
            MATERIALS_OR_WITNESSES | 0 | '   '            | “志愿服务”需要上传证明材料，或填写至少2名证明人
            MATERIALS_OR_WITNESSES | 0 | 张三               | “志愿服务”需要上传证明材料，或填写至少2名证明人
            MATERIALS_OR_WITNESSES | 0 | '张三，，'          | “志愿服务”需要上传证明材料，或填写至少2名证明人
            MATERIALS_OR_WITNESSES | 0 | 张三、李四         | -
            MATERIALS_OR_WITNESSES | 0 | '张三; 李四'       | -
            MATERIALS_OR_WITNESSES | 1 | -                | -
            """)
    void anItemsProofIsMaterialsOrTwoWitnessesAsItAsks(Evidence evidence, int files, String witnesses, String problem) {
        assertThat(EvidenceRule.problem(item(evidence), files, witnesses)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "[{0}] names {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                    | 0
            ''                   | 0
            '  '                 | 0
            张三                 | 1
            '张三,李四'           | 2
            '张三，李四、王五'      | 3
            '张三；李四;王五 赵六'   | 4
            '，张三，'             | 1
            """)
    void witnessesAreCountedByTheSeparatorsPeopleType(String witnesses, int count) {
        assertThat(EvidenceRule.witnessCount(witnesses)).isEqualTo(count);
    }
}
