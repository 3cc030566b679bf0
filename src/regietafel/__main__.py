from regietafel.cli.main import main

raise SystemExit(main())
