from lint.cli.main import main

main()
