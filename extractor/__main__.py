"""`python -m extractor` runs the diplo CLI."""

from extractor.cli import main

main()
