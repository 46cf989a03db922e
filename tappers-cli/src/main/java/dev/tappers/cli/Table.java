package dev.tappers.cli;

import java.util.List;

/** Left-aligned text columns, two spaces apart; the last column is not padded. */
final class Table {
    private Table() {
    }

    static String format(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                String cell = Main.oneLine(row.get(c));
                s.append(cell);
                if (c < row.size() - 1) {
                    s.append(" ".repeat(width[c] - cell.length() + 2));
                }
            }
            s.append('\n');
        }
        return s.toString();
    }
}
