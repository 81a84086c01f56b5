from eportguide.cli import main

main()
