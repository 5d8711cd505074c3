from sendplan_cli.cli import main

main()
