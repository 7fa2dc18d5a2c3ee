package cn.vanguard.web;

/** The transfer (转接) form: to which unit, on which day, why. */
record TransferFields(Long toUnitId, String on, String reason) {
}
