package cn.vanguard.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An entry to record or declare. {@code quantity} null means 1; {@code points} only for items scored entry by entry;
 * {@code witnesses} names two party members or colleagues who can confirm it (至少2名党员群众予以证明).
 */
public record NewEntry(long memberId, String itemCode, LocalDate date, BigDecimal quantity, BigDecimal points,
                       String occurrence, String note, String witnesses) {
}
