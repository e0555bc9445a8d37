"""Checks of bench/generate.py: python3 -m unittest discover -s bench -p 'test_*.py'"""

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import generate  # noqa: E402


def total_lines(files):
    return sum(generate.count_lines(text) for text in files.values())


def generated_lines(files):
    return sum(generate.count_lines(text) for path, text in files.items()
               if path.endswith((".Designer.cs", "ModelSnapshot.cs")))


class GenerateTests(unittest.TestCase):
    def test_same_size_and_seed_give_identical_files(self):
        self.assertEqual(generate.generate(20_000, 7), generate.generate(20_000, 7))

    def test_another_seed_gives_other_files(self):
        self.assertNotEqual(generate.generate(20_000, 1), generate.generate(20_000, 2))

    def test_size_lands_within_five_percent_of_the_request(self):
        for lines in (10_000, 60_000, 150_000):
            with self.subTest(lines=lines):
                actual = total_lines(generate.generate(lines, 1))
                self.assertLess(abs(actual - lines) / lines, 0.05, actual)

    def test_ef_designer_files_hold_about_sixty_percent_of_lines(self):
        files = generate.generate(100_000, 1)
        share = generated_lines(files) / total_lines(files)
        self.assertGreater(share, 0.5)
        self.assertLess(share, 0.7)

    def test_one_web_service_per_fifty_thousand_lines(self):
        files = generate.generate(150_000, 1)
        projects = [p for p in files if p.endswith(".csproj")]
        self.assertEqual(3, len(projects))
        for path in projects:
            self.assertIn('Sdk="Microsoft.NET.Sdk.Web"', files[path])

    def test_every_service_has_the_parts_a_scan_reads(self):
        files = generate.generate(10_000, 3)
        names = "\n".join(files)
        for part in ("Program.cs", "Controllers/", "Endpoints/", "Data/", "Migrations/", ".Designer.cs",
                     "ModelSnapshot.cs", "appsettings.json"):
            self.assertIn(part, names)
        program = next(t for p, t in files.items() if p.endswith("Program.cs"))
        self.assertIn("AddJwtBearer", program)
        self.assertIn('MapGroup("/v1")', program)

    def test_root_gitignore_has_a_visual_studio_sized_rule_set(self):
        rules = [line for line in generate.generate(10_000, 1)[".gitignore"].splitlines()
                 if line and not line.startswith("#")]
        self.assertGreaterEqual(len(rules), 150)
        self.assertLessEqual(len(rules), 200)
        self.assertTrue(any(r.startswith("!") for r in rules))
        self.assertTrue(any(r.startswith("**/") for r in rules))

    @unittest.skipUnless(shutil.which("git"), "git is needed to read the .gitignore as git does")
    def test_git_ignores_exactly_the_files_written_to_be_ignored(self):
        files = generate.generate(100_000, 4)
        roots = [p[:-len("/Program.cs")] for p in files if p.endswith("/Program.cs")]
        self.assertEqual(2, len(roots))
        expected = sorted(p for root in roots for p in generate.ignored_files(root.split("/")[-1][:-len(".Api")], root))
        with tempfile.TemporaryDirectory() as tmp:
            with contextlib.redirect_stdout(io.StringIO()):
                generate.main(["--lines", "100000", "--out", tmp, "--seed", "4"])
            subprocess.run(["git", "init", "-q", tmp], check=True)
            listed = subprocess.run(["git", "-C", tmp, "ls-files", "--others", "--ignored", "--exclude-standard"],
                                    check=True, capture_output=True, text=True).stdout.split()
        self.assertEqual(expected, sorted(listed))

    def test_most_hand_written_csharp_enables_nullable_and_a_few_endpoints_are_debug_only(self):
        files = generate.generate(100_000, 1)
        hand = {p: t for p, t in files.items() if p.endswith(".cs") and "/Migrations/" not in p
                and not p.endswith(".generated.cs") and "_ReSharper" not in p}
        nullable = [p for p, t in hand.items() if t.startswith("#nullable enable\n")]
        self.assertGreater(len(nullable) / len(hand), 0.7)
        self.assertLess(len(nullable), len(hand))
        debug = [p for p, t in hand.items() if "#if DEBUG" in t]
        endpoints = [p for p in hand if "/Endpoints/" in p]
        self.assertGreater(len(debug), 0)
        self.assertLess(len(debug), len(endpoints) / 2)
        for path in debug:
            self.assertEqual(files[path].count("#if DEBUG"), files[path].count("#endif"), path)

    def test_refuses_to_overwrite_a_folder_it_did_not_write(self):
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "keep.txt"), "w", encoding="utf-8") as f:
                f.write("user data\n")
            with self.assertRaises(SystemExit):
                generate.main(["--lines", "10000", "--out", tmp])
            self.assertTrue(os.path.exists(os.path.join(tmp, "keep.txt")))


if __name__ == "__main__":
    unittest.main()
