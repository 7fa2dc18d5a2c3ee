package cn.vanguard.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx workbook as a table, read with POI's streaming reader. Numbers read as plain decimals
 * ("1.5", not "1.50"), and date cells as ISO dates ("2025-03-14"), whatever the cell format shows.
 */
final class XlsxTable implements Table {

    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private int index = -1;

    XlsxTable(Path file) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = SAXHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new Collector(),
                        new PlainFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw new IOException("not a readable .xlsx workbook: " + e.getMessage(), e);
        }
    }

    /** Formats numeric cells as plain decimals and date cells as ISO dates. */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing);
                return time.toLocalDate().toString();
            }
            BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
            return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
        }
    }

    private final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private String[] current;

        @Override
        public void startRow(int rowNum) {
            current = new String[0];
        }

        @Override
        public void endRow(int rowNum) {
            if (Arrays.stream(current).anyMatch(c -> c != null && !c.isBlank())) {
                rows.add(current);
                lines.add(rowNum + 1);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? current.length : new CellReference(reference).getCol();
            if (column >= current.length) {
                current = Arrays.copyOf(current, column + 1);
            }
            current[column] = formattedValue;
        }
    }

    @Override
    public boolean next() {
        index++;
        return index < rows.size();
    }

    @Override
    public int line() {
        return lines.get(index);
    }

    @Override
    public int width() {
        return rows.get(index).length;
    }

    @Override
    public String cell(int column) {
        String[] row = rows.get(index);
        if (column >= row.length || row[column] == null) {
            return "";
        }
        return row[column].strip();
    }

    @Override
    public void close() {
        rows.clear();
    }
}
