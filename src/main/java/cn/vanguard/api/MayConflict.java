package cn.vanguard.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An operation that can lose a race or reuse an idempotency key: documented with a 409 response saying when. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface MayConflict {

    /** When the operation answers 409, in Chinese and English. */
    String value();
}
