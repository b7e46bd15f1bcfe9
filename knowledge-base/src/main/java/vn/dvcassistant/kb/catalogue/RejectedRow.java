package vn.dvcassistant.kb.catalogue;

/**
 * @param row     the row's number as a spreadsheet shows it (the header is row 1)
 * @param message why it was not imported, in Vietnamese
 */
public record RejectedRow(int row, String message) {
}
