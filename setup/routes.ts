// The reader view, #/read: the whole deck on one scrolling page with each slide's argument written out,
// for board members who read the site later on their own (components/reader/ReaderView.vue).
import { defineRoutesSetup } from '@slidev/types'

export default defineRoutesSetup(routes => [
  ...routes,
  {
    name: 'read',
    path: '/read',
    component: () => import('../components/reader/ReaderView.vue'),
  },
])
