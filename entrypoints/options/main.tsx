import { mount } from '@/components/App';
import { SettingsPage } from '@/components/SettingsPage';

mount(<SettingsPage />);
