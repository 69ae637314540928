import { mount } from '@/components/App';
import { ReportPage } from '@/components/report/ReportPage';

mount(<ReportPage />);
