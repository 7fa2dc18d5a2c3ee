package cn.vanguard.scheme;

/** Where a scheme's rules come from: the rule document and the heading inside it. */
public record Source(String file, String heading) {
}
