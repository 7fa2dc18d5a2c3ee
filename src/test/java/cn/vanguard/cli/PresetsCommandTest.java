package cn.vanguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.vanguard.cli.ScoreCommandTest.Run;
import cn.vanguard.scheme.file.Presets;
import cn.vanguard.scheme.file.SchemeFiles;
import cn.vanguard.scheme.file.SchemeLoad;

class PresetsCommandTest {

    @Test
    void listsEveryPresetWithItsChineseNameAndSource() {
        Run run = ScoreCommandTest.run("presets");
        assertThat(run.status()).isZero();
        for (String id : Presets.IDS) {
            assertThat(run.out()).contains(id + " ");
        }
        assertThat(run.out()).contains("XX市直党员积分制管理办法", "来源: 000_0a49e12b493fd18a.txt 「规章制度:XX市直党员积分制管理办法」");
    }

    @Test
    void showsEachPresetAsASchemeFileThatLoadsBackUnchanged() {
        for (String id : Presets.IDS) {
            Run run = ScoreCommandTest.run("presets", "--show", id);
            assertThat(run.status()).as(id).isZero();
            SchemeLoad load = SchemeFiles.read(run.out());
            assertThat(load.problems()).as(id).isEmpty();
            assertThat(load.scheme()).as(id).isEqualTo(Presets.get(id).orElseThrow());
        }
    }

    @Test
    void anUnknownPresetIsBadInputWithASuggestion() {
        Run run = ScoreCommandTest.run("presets", "--show", "rules15");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no preset \"rules15\" (did you mean rules-15?)");
    }
}
