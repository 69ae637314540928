// `npm run bench` (add `-- --quick` for a ~2-minute run): Resourceful's performance budgets. The runner lives in
// bench/run/; what each row measures is in bench/README.md.
import '../bench/run/main.mjs';
