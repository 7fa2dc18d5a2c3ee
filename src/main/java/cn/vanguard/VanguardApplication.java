package cn.vanguard;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Vanguard 先锋积分. */
@SpringBootApplication
public class VanguardApplication {

    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(VanguardApplication.class, args);
    }
}
