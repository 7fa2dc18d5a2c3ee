package cn.vanguard.cli;

/** The language problems are printed in. */
enum Language {
    EN, ZH;

    static Language of(Language option) {
        if (option != null) {
            return option;
        }
        return Cli.chineseEnvironment() ? ZH : EN;
    }
}
