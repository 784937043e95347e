"""Reading files: formats by content, encodings, delimiters, header rows, refusals."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest

from imports.reading import FileProblem, read_table, sniff_delimiter

LIMIT = 1000


def read(content: bytes):
    return read_table(content, max_rows=LIMIT)


class TestDelimitedText:
    @pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
    def test_the_delimiter_is_sniffed(self, delimiter):
        text = delimiter.join(["name", "set", "price paid"]) + "\n"
        text += delimiter.join(["Charizard", "Base, 1st", "1,250.50"]) + "\n"
        if delimiter == ",":
            text = 'name,set,price paid\nCharizard,"Base, 1st","1,250.50"\n'
        table = read(text.encode())
        assert table.delimiter == delimiter
        assert table.columns == ["name", "set", "price paid"]
        assert table.rows[0][1:] == ["Charizard", "Base, 1st", "1,250.50"]
        assert table.file_format == ("tsv" if delimiter == "\t" else "csv")

    def test_utf8_with_a_byte_order_mark(self):
        table = read("\ufeffname,set\nPokémon Ü,Base\n".encode())
        assert table.columns == ["name", "set"]
        assert table.rows[0][1] == "Pokémon Ü"
        assert table.encoding == "utf-8"

    def test_windows_1252(self):
        table = read("name;price\nCafé Crème;12,50 €\n".encode("cp1252"))
        assert table.encoding == "cp1252"
        assert table.rows[0][1:] == ["Café Crème", "12,50 €"]

    def test_a_title_line_above_the_header_is_passed_over_and_rows_keep_their_numbers(self):
        text = "My collection (exported 2024-03-05)\n\nname,set,number\nPikachu,Jungle,60\n\nMew,Promo,8\n"
        table = read(text.encode())
        assert table.header_row == 3
        assert table.columns == ["name", "set", "number"]
        assert [row[0] for row in table.rows] == [4, 6]  # blank rows skipped, numbers kept

    def test_blank_and_repeated_column_names_become_unique(self):
        table = read(b"name,,name\nA,B,C\n")
        assert table.columns == ["name", "Column 2", "name (2)"]

    def test_ragged_rows_are_padded(self):
        table = read(b"name,set,number\nA\nB,S,1\n")
        assert table.rows[0] == [2, "A", "", ""]

    def test_sniffing_a_single_column_defaults_to_comma(self):
        assert sniff_delimiter("name\nA\nB\n") == ","


class TestOtherFormats:
    def test_xlsx_by_its_content_whatever_its_name(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Name", "Qty", "Date"])
        sheet.append(["Charizard", 2, "2024-03-05"])
        buffer = io.BytesIO()
        book.save(buffer)
        table = read(buffer.getvalue())
        assert table.file_format == "xlsx"
        assert table.columns == ["Name", "Qty", "Date"]
        assert table.rows[0][1:] == ["Charizard", "2", "2024-03-05"]

    def test_json_objects_are_flattened_as_our_export_writes_them(self):
        document = [
            {"name": "Charizard", "tags": ["holo", "psa"], "card_details": {"game": "Pokémon"}},
            {"name": "Mew", "external_ids": {"pricecharting": "6910"}},
        ]
        table = read(json.dumps(document).encode())
        assert table.columns == ["name", "tags", "card_details.game", "external_ids.pricecharting"]
        assert table.rows[0][1:] == ["Charizard", "holo, psa", "Pokémon", ""]
        assert table.rows[1][1:] == ["Mew", "", "", "6910"]

    def test_json_wrapped_in_an_object(self):
        table = read(json.dumps({"results": [{"name": "A"}]}).encode())
        assert table.rows[0][1:] == ["A"]


class TestRefusals:
    @pytest.mark.parametrize("content", [b"", b"   \n\n", b"name,set\n"])
    def test_empty_files(self, content):
        with pytest.raises(FileProblem) as problem:
            read(content)
        assert problem.value.code == "empty_file"

    def test_binary_garbage(self):
        with pytest.raises(FileProblem) as problem:
            read(bytes(range(256)) * 10)
        assert problem.value.code == "unsupported_format"
        assert "binary" in problem.value.message

    def test_old_excel(self):
        with pytest.raises(FileProblem, match="xls"):
            read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)

    def test_a_zip_that_is_not_a_workbook(self):
        with pytest.raises(FileProblem, match="XLSX"):
            read(b"PK\x03\x04" + b"\x00" * 100)

    @pytest.mark.parametrize(
        "text", ['{"name": "A"', "[1, 2, 3]", '{"a": 1}', '[{"name": "A"}, 3]', "[]"]
    )
    def test_wrong_json(self, text):
        with pytest.raises(FileProblem):
            read(text.encode())

    def test_too_many_rows(self):
        content = ("name\n" + "A\n" * (LIMIT + 1)).encode()
        with pytest.raises(FileProblem) as problem:
            read(content)
        assert problem.value.code == "too_many_rows"
        assert str(LIMIT) in problem.value.message
