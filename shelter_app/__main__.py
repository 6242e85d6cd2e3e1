from shelter_app.app import main

raise SystemExit(main())
