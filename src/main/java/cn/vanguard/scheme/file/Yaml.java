package cn.vanguard.scheme.file;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import cn.vanguard.scheme.Suggestions;

/**
 * A YAML document read as a tree of values that know their path and line, so that every problem can be reported as
 * {@code line: sections[2].items[0].cap.window: must be one of …}. Reading never stops at the first problem.
 */
final class Yaml {

    private Yaml() {
    }

    /** Aliases of a list or a mapping: a scheme needs none, and each may multiply what is read (billion laughs). */
    static final int MAX_ALIASES = 20;
    /** Lists and mappings inside each other: a scheme needs about eight. */
    static final int MAX_DEPTH = 30;

    /** Parses the text; a syntax error, or a document past the limits, is reported and gives {@code null}. */
    static Value parse(String text, Problems problems) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setNestingDepthLimit(MAX_DEPTH);
            options.setCodePointLimit(SchemeFiles.MAX_CHARACTERS);
            options.setAllowRecursiveKeys(false);
            org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(options);
            Node root = yaml.compose(new StringReader(text));
            if (root == null) {
                problems.add(1, "", "the file is empty: a scheme needs at least id, name, scope and sections",
                        "文件为空：方案至少需要 id、name、scope 和 sections");
                return null;
            }
            return new Value(root, "", problems);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            problems.add(line, "", "not valid YAML: " + problem, "不是有效的YAML格式：" + problem);
            return null;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Number of aliases")) {
                problems.add(1, "", "uses more than " + MAX_ALIASES + " aliases of lists or mappings, the limit",
                        "引用（*别名）列表或键值对超过 " + MAX_ALIASES + " 处的上限：请把内容直接写出来");
            } else if (message.startsWith("Nesting Depth")) {
                problems.add(1, "", "nests lists and mappings more than " + MAX_DEPTH + " deep, the limit",
                        "列表和键值对的嵌套超过 " + MAX_DEPTH + " 层的上限");
            } else if (message.contains("exceeds the limit")) {
                SchemeFiles.tooLong(problems);
            } else {
                problems.add(1, "", "not valid YAML: " + message, "不是有效的YAML格式：" + message);
            }
            return null;
        }
    }

    /** A node of the document with its path. Accessors report wrong types and return {@code null}. */
    static final class Value {

        /** The Chinese names of the mappings a scheme file holds, as {@link #mapping} is told them in English. */
        static final Map<String, String> WHAT = Map.ofEntries(Map.entry("the scheme", "方案"), Map.entry("the source", "来源"),
                Map.entry("publicity", "公示设置"), Map.entry("the bonus pool", "加分项"), Map.entry("a group", "互斥组"),
                Map.entry("a section", "板块"), Map.entry("an attainment target", "达标目标"), Map.entry("a vote level", "评议等级"),
                Map.entry("an item", "积分项目"), Map.entry("a cap", "上限"), Map.entry("a criterion", "评定标准"),
                Map.entry("a threshold", "分档"), Map.entry("a level item", "等级项目"), Map.entry("a level", "等级"),
                Map.entry("a veto", "一票否决项"), Map.entry("a forfeit", "取消资格项"), Map.entry("a counter", "计数项"),
                Map.entry("grades", "等次"), Map.entry("a grade band", "等次分档"), Map.entry("a flag", "标记"), Map.entry("stars", "星级评定"),
                Map.entry("a section minimum", "板块最低分"), Map.entry("a warning", "预警"),
                Map.entry("an attendance requirement", "出勤要求"), Map.entry("the requirement per category", "分类要求"));
        final Node node;
        final String path;
        final Problems problems;

        Value(Node node, String path, Problems problems) {
            this.node = node;
            this.path = path;
            this.problems = problems;
        }

        int line() {
            return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
        }

        void problem(String message, String chinese) {
            problems.add(line(), path, message, chinese);
        }

        boolean isNull() {
            return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
        }

        /** What a mapping is, in the Chinese message: the message a secretary reads is Chinese throughout. */
        private static String chinese(String what) {
            return WHAT.getOrDefault(what, what);
        }

        /** The mapping at this node, checked against the keys it may have; {@code null} if not a mapping. */
        Mapping mapping(String what, Set<String> allowed) {
            if (!(node instanceof MappingNode mapping)) {
                problem("must be a mapping (" + what + ")", "应为键值对（" + chinese(what) + "）");
                return null;
            }
            Map<String, Value> values = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
                Value value = new Value(tuple.getValueNode(), child(key), problems);
                int line = tuple.getKeyNode().getStartMark().getLine() + 1;
                if (values.containsKey(key)) {
                    problems.add(line, child(key), "duplicate key \"" + key + "\"", "重复的键“" + key + "”");
                } else if (!allowed.contains(key)) {
                    String suggestion = Suggestions.closest(key, allowed);
                    problems.add(line, child(key),
                            "unknown key \"" + key + "\" in " + what + (suggestion == null ? "" : " (did you mean " + suggestion + "?)"),
                            chinese(what) + "中没有“" + key + "”这一项" + (suggestion == null ? "" : "（是否应为 " + suggestion + "？）"));
                } else {
                    values.put(key, value);
                }
            }
            return new Mapping(this, values);
        }

        List<Value> list() {
            if (!(node instanceof SequenceNode sequence)) {
                if (isNull()) {
                    return List.of();
                }
                problem("must be a list", "应为列表");
                return List.of();
            }
            List<Value> values = new ArrayList<>();
            List<Node> nodes = sequence.getValue();
            for (int i = 0; i < nodes.size(); i++) {
                values.add(new Value(nodes.get(i), path + "[" + i + "]", problems));
            }
            return values;
        }

        String text() {
            if (!(node instanceof ScalarNode scalar) || isNull()) {
                problem("must be a text value", "应为文字");
                return null;
            }
            return scalar.getValue();
        }

        BigDecimal number() {
            String text = node instanceof ScalarNode scalar && !isNull() ? scalar.getValue().trim() : null;
            try {
                if (text != null) {
                    return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem("must be a number" + (text == null ? "" : ", not \"" + text + "\""), "应为数字" + (text == null ? "" : "，不能是“" + text + "”"));
            return null;
        }

        Integer integer() {
            BigDecimal number = number();
            if (number == null) {
                return null;
            }
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                problem("must be a whole number, not " + number.toPlainString(), "应为整数，不能是" + number.toPlainString());
                return null;
            }
        }

        Boolean bool() {
            String text = node instanceof ScalarNode scalar ? scalar.getValue().trim().toLowerCase(Locale.ROOT) : "";
            return switch (text) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> {
                    problem("must be true or false", "应为 true 或 false");
                    yield null;
                }
            };
        }

        <E extends Enum<E>> E choice(Class<E> type) {
            String text = node instanceof ScalarNode scalar && !isNull() ? scalar.getValue().trim() : "";
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            StringJoiner names = new StringJoiner(", ");
            Arrays.stream(type.getEnumConstants()).forEach(c -> names.add(c.name()));
            problem("must be one of " + names + (text.isEmpty() ? "" : ", not \"" + text + "\""),
                    "应为 " + names + " 之一" + (text.isEmpty() ? "" : "，不能是“" + text + "”"));
            return null;
        }

        <T> List<T> listOf(Function<Value, T> reader) {
            List<T> result = new ArrayList<>();
            for (Value value : list()) {
                T item = reader.apply(value);
                if (item != null) {
                    result.add(item);
                }
            }
            return result;
        }

        String child(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    /** A mapping whose keys were checked; missing required keys are reported when asked for. */
    static final class Mapping {
        final Value self;
        final Map<String, Value> values;

        Mapping(Value self, Map<String, Value> values) {
            this.self = self;
            this.values = values;
        }

        boolean has(String key) {
            return values.containsKey(key) && !values.get(key).isNull();
        }

        Value get(String key) {
            Value value = values.get(key);
            return value == null || value.isNull() ? null : value;
        }

        Value required(String key, String hint, String hintChinese) {
            Value value = get(key);
            if (value == null) {
                self.problems.add(self.line(), self.child(key), "is required: " + hint, "必须填写：" + hintChinese);
            }
            return value;
        }

        String text(String key) {
            Value value = get(key);
            return value == null ? null : value.text();
        }

        BigDecimal number(String key) {
            Value value = get(key);
            return value == null ? null : value.number();
        }

        <E extends Enum<E>> E choice(String key, Class<E> type) {
            Value value = get(key);
            return value == null ? null : value.choice(type);
        }
    }
}
