from diglot.cli import main

raise SystemExit(main())
