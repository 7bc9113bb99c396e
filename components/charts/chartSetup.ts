// Registers the chart.js parts the deck uses, once. Imported by the chart components only,
// so chart.js loads with the first slide that draws a chart, not with slide one.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js'
import ChartDataLabels from 'chartjs-plugin-datalabels'

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend, ChartDataLabels)

export { Chart }
