package cn.vanguard.demo;

import java.time.LocalDate;
import java.util.Random;
import java.util.Set;

import cn.vanguard.org.Gender;
import cn.vanguard.org.MemberForm;
import cn.vanguard.org.MemberStatus;
import cn.vanguard.scheme.Category;
import cn.vanguard.scheme.MemberType;

/** The demo's people: names drawn once each from a fixed seed, ages and dates that fit their type and category. */
final class People {

    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
            "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "玉兰", "志强", "晓东", "海燕", "建国", "春梅", "卫东",
            "晓明", "丽华", "国庆", "红梅", "晨", "宇", "欣", "思远", "雨桐", "浩然", "子涵", "嘉怡"};

    private final Random random;
    private final Set<String> used;
    private final LocalDate today;

    People(Random random, Set<String> used, LocalDate today) {
        this.random = random;
        this.used = used;
        this.today = today;
    }

    MemberForm form(MemberType type, Category category, MemberStatus status, long unitId) {
        String name;
        do {
            name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        } while (!used.add(name));
        int age = category == Category.RETIRED ? 62 + random.nextInt(20) : type == MemberType.ACTIVIST ? 23 + random.nextInt(6) : 24 + random.nextInt(33);
        LocalDate birth = LocalDate.of(today.getYear() - age, 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate joined = type == MemberType.ACTIVIST ? null : type == MemberType.PROBATIONARY
                ? today.minusMonths(2 + random.nextInt(9))
                : birth.plusYears(20 + random.nextInt(Math.max(1, Math.min(age - 21, 25))));
        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        return new MemberForm(null, name, gender, birth, idCard(birth, gender, random), "13" + (100000000 + random.nextInt(899999999)),
                joined, type, category, status, unitId);
    }

    /** A valid-looking ID-card number (region 110101) for the birth date and gender (odd 17th digit for men), with its check digit. */
    private static String idCard(LocalDate birth, Gender gender, Random random) {
        int sequence = random.nextInt(1000);
        if (sequence % 2 != (gender == Gender.MALE ? 1 : 0)) {
            sequence ^= 1;
        }
        String body = "110101" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        char[] check = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + check[sum % 11];
    }
}
