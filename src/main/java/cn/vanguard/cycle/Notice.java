package cn.vanguard.cycle;

/** Something waiting for the current user in the cycle, with where to do it (the bell in the menu lists them). */
public record Notice(String text, String link, boolean urgent) {
}
