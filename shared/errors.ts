// UserError, for the commands that import it from here (scripts/host/, scripts/scorecard/): it is defined in
// data/errors.ts, the lowest layer, where the data modules' checks throw it too.
export { USER_ERROR_EXIT, UserError } from '../data/errors.ts'
